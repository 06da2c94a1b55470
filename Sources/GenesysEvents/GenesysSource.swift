/// Placeholder until the receiver library lands.
enum GenesysSourcePlaceholder {}
