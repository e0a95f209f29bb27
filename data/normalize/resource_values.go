package normalize

import (
	"strconv"
	"strings"

	"needsmap/data/schema"
)

// yesNo reads a yes/no cell: X, Yes, Y, ✓, TRUE, 1 mean yes; No, N, ✗,
// FALSE, 0, - mean no; blank is unknown. ok is false for anything else.
func yesNo(s string) (schema.Tri, bool) {
	switch Fold(strings.Trim(strings.TrimSpace(s), ".!")) {
	case "":
		return schema.Unknown, true
	case "x", "yes", "y", "✓", "✔", "☑", "✅", "true", "1", "1.0", "si", "oui":
		return schema.Yes, true
	case "no", "n", "✗", "✘", "☐", "false", "0", "0.0", "-", "none":
		return schema.No, true
	}
	return schema.Unknown, false
}

// partnership reads the seed workbook's "Partnership Yes, No, Who" cell:
// only a leading yes or no is read; whatever follows (often a person's
// name) is never kept.
func partnership(s string) (schema.Tri, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return schema.Unknown, true
	}
	first := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == ';' || r == '-' || r == '–' || r == '(' || r == ':' || r == '/'
	})
	if len(first) == 0 {
		return schema.Unknown, false
	}
	t, ok := yesNo(first[0])
	if !ok || t == schema.Unknown {
		return schema.Unknown, false
	}
	return t, true
}

// listParts splits a list cell on ';', '|' and line breaks; commas are
// resolved by the caller, since labels hold commas ("Food, clothing,
// toiletries").
func listParts(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' || r == '\n' || r == '\r' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// resolveCommas matches the comma-separated pieces of part greedily, the
// longest run of pieces that names something first, so "Food, clothing,
// toiletries, legal aid" reads as two services. It returns what matched
// and the pieces that matched nothing.
func resolveCommas[T any](part string, lookup func(string) (T, bool)) ([]T, []string) {
	if x, ok := lookup(part); ok {
		return []T{x}, nil
	}
	pieces := strings.Split(part, ",")
	var found []T
	var unknown []string
	for i := 0; i < len(pieces); {
		matched := false
		for j := len(pieces); j > i; j-- {
			s := strings.TrimSpace(strings.Join(pieces[i:j], ","))
			if s == "" {
				i, matched = j, true
				break
			}
			if x, ok := lookup(s); ok {
				found = append(found, x)
				i, matched = j, true
				break
			}
		}
		if !matched {
			unknown = append(unknown, strings.TrimSpace(pieces[i]))
			i++
		}
	}
	return found, unknown
}

// capacity reads beds or slots: a number of 0 or more (0 = not given).
func capacity(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	x, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || x < 0 || x > 1e7 || x != x {
		return 0, false
	}
	return x, true
}

// phoneOK accepts an organisation's phone number: 7 to 15 digits with the
// usual punctuation and an optional extension; anything else (a name, an
// e-mail address) is not published.
func phoneOK(s string) bool {
	digits := 0
	rest := strings.ToLower(s)
	if i := strings.Index(rest, "ext"); i >= 0 {
		rest = rest[:i]
	} else if i := strings.Index(rest, " x"); i >= 0 {
		rest = rest[:i]
	}
	for _, r := range rest {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" ()+-./", r):
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 15
}

// websiteOK accepts a web address: a host name with a dot, optionally with
// a scheme and path, and no spaces or '@' (an e-mail address is not a
// website).
func websiteOK(s string) bool {
	if strings.ContainsAny(s, " \t@<>\"'") || len(s) > 200 {
		return false
	}
	host := strings.ToLower(s)
	for _, p := range []string{"https://", "http://"} {
		host = strings.TrimPrefix(host, p)
	}
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || dot == len(host)-1 {
		return false
	}
	for _, r := range host {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == ':') {
			return false
		}
	}
	return true
}
