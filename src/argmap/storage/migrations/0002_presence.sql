-- Who has a map open: one row a browser session, refreshed by its heartbeat (Store.mark_present).
CREATE TABLE argmap_presence (
    name    text NOT NULL,
    session text NOT NULL,
    who     text,
    seen    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, session)
);
