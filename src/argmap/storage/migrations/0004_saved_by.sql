-- Who saved each revision, as a column the listing reads, so that `list` and `revisions` need not parse
-- every map's JSON (1,000 maps: 465 ms parsing bodies -> a few ms). Generated from the body at write time.
ALTER TABLE argmap_maps ADD COLUMN saved_by text GENERATED ALWAYS AS (body::json ->> 'saved_by') STORED;
ALTER TABLE argmap_revisions ADD COLUMN saved_by text GENERATED ALWAYS AS (body::json ->> 'saved_by') STORED;
