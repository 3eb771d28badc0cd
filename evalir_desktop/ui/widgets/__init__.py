"""Small reusable widgets: headings, links, radar chart, scrolling page."""
