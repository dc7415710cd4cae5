"""One filler per slot of a frame: court, date, charges, penalties."""
