-- Maps, their past revisions and the trash: the PostgreSQL twin of the file store's layout.
-- A map's body is its native JSON exactly as the file store would write it.
CREATE TABLE argmap_maps (
    name     text PRIMARY KEY,
    revision integer NOT NULL CHECK (revision > 0),
    title    text NOT NULL,
    updated  timestamptz,
    body     text NOT NULL
);

CREATE TABLE argmap_revisions (
    name     text NOT NULL REFERENCES argmap_maps (name) ON UPDATE CASCADE ON DELETE CASCADE,
    revision integer NOT NULL,
    title    text NOT NULL,
    updated  timestamptz,
    body     text NOT NULL,
    PRIMARY KEY (name, revision)
);

CREATE TABLE argmap_trash (
    id       bigserial PRIMARY KEY,
    name     text NOT NULL,
    deleted  timestamptz NOT NULL DEFAULT now(),
    revision integer NOT NULL,
    title    text NOT NULL,
    updated  timestamptz,
    body     text NOT NULL
);
CREATE INDEX argmap_trash_name ON argmap_trash (name, id);

CREATE TABLE argmap_trash_revisions (
    trash_id bigint NOT NULL REFERENCES argmap_trash (id) ON DELETE CASCADE,
    revision integer NOT NULL,
    title    text NOT NULL,
    updated  timestamptz,
    body     text NOT NULL,
    PRIMARY KEY (trash_id, revision)
);
