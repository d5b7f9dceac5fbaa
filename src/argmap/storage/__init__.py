"""Where maps live: the file store, safe names, atomic writes, share links."""
