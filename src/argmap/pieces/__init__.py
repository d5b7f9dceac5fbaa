"""Pieces of writing people have (text in any common encoding, HTML, Word, PDF, ODT, RTF, a web page), read into
the text the extractor maps and a title."""
