"""The render layer: the content model as styled text blocks (for the app) and plain
text (for the linear mode and exports), and how those blocks wrap to a width."""
