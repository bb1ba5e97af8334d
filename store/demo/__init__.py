"""Provides the living demo commons: its plan (:mod:`.plan`), its creation (:mod:`.build`), its roles (:mod:`.roles`)."""
