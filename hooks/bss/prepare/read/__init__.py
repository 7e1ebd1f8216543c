"""Reading and checking the project's files, for every content type alike: YAML documents with
their line numbers (source.py), records (record.py), JSON Schemas (schemas.py), Markdown fields and
pages (markup.py), the generic collection loader (collections.py), docs/ and images (files.py) and
the interface strings (strings.py). Entry points: ``load_collection``, ``read_document``,
``load_strings``."""
