"""Provides the index: git blobs to snapshots, and every cache and speed trick of loading."""
