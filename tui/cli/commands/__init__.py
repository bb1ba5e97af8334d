"""Provides the subcommands of ``traam``; each module defines ``register(subparsers)``."""
