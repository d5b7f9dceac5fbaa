"""Versioned schema migrations for the PostgreSQL store: ``NNNN_what.sql``, applied in order, each once."""
