"""Language of documents and paragraphs, and the pipelines for languages other than English."""
