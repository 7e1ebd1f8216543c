"""Finish: over the rendered HTML and the built site/ folder. Knows neither prepare nor the editor:
what it needs from them arrives as plain data. Entry point (so far): ``search.index_site(site_dir)``."""
