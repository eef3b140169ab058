"""Facts as data: units, fact types, identifiers, vocabularies and the profile models built from them."""
