"""Provides the review: contributions, queue, record-aware merge, signing, governance, verification, states."""
