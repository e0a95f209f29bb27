package charts

// Slug is the file-name form of a scope that chart names use
// ("Metro East" → "metro_east"), for other outputs named per region.
func Slug(s string) string { return slug(s) }
