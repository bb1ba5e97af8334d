"""Provides the modal dialogs of the terminal application."""
