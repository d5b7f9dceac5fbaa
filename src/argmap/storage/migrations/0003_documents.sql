-- Small documents by path beside the maps: the classroom's assignments, seats and students' work.
CREATE TABLE argmap_documents (
    path    text PRIMARY KEY,
    body    bytea NOT NULL,
    updated timestamptz NOT NULL DEFAULT now()
);
