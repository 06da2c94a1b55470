import EBMatch

print("ebmatch-bench: not implemented yet")
