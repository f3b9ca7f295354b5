"""Reading and checking a content pack: the model, the YAML reader, the loader, the rules, editor messages, references, links, review, diff and identity."""
