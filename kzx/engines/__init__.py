"""Engines run the same stages over many documents: here, or on a cluster."""
