-- The byline's people (extract fills it from HTML bylines and metadata; NULL when unknown).
ALTER TABLE articles ADD COLUMN author TEXT;
