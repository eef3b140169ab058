"""Reports: the JSON document and the reporters that render a report for people and tools."""
