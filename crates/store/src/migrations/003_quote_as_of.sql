-- The day a quote was said, from the time expression governing its sentence (NULL when the text
-- does not say).
ALTER TABLE quotes ADD COLUMN as_of TEXT;
