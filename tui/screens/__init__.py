"""Provides the screens and modal dialogs of the terminal application."""
