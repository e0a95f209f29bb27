package normalize

import (
	"fmt"
	"strings"

	"needsmap/data/reference"
	"needsmap/data/schema"
)

// statusVocab maps status spellings to statuses.
type statusVocab map[string]schema.ReferralStatus

func newStatusVocab(specs []StatusSpec) (statusVocab, error) {
	v := statusVocab{}
	for _, st := range schema.ReferralStatuses {
		v[Fold(st.String())] = st
	}
	for i, s := range specs {
		var st schema.ReferralStatus
		for _, c := range schema.ReferralStatuses {
			if c.String() == s.Status {
				st = c
			}
		}
		if st == schema.StatusNone {
			return nil, fmt.Errorf("referrals.statuses[%d]: status %q: want completed, not_completed, declined or pending", i, s.Status)
		}
		for _, val := range s.Values {
			k := Fold(val)
			if prev, dup := v[k]; dup && prev != st {
				return nil, fmt.Errorf("referrals.statuses: %q means both %s and %s", val, prev, st)
			}
			v[k] = st
		}
	}
	return v, nil
}

func (v statusVocab) parse(s string) (schema.ReferralStatus, error) {
	if s == "" {
		return schema.StatusNone, fmt.Errorf("status is empty")
	}
	if st, ok := v[Fold(s)]; ok {
		return st, nil
	}
	return schema.StatusNone, fmt.Errorf("unknown status (add the spelling to referrals.statuses)")
}

// agencyVocab normalises agency names: configured aliases first, then a
// key that ignores case, punctuation, "&" versus "and" and a trailing
// "Inc"/"LLC", so "Gateway Family Services, Inc." and "gateway family
// services" are one agency.
type agencyVocab map[string]schema.Agency

func newAgencyVocab(specs []AgencySpec) (agencyVocab, error) {
	v := agencyVocab{}
	for i, a := range specs {
		if strings.TrimSpace(a.Name) == "" {
			return nil, fmt.Errorf("referrals.agencies[%d]: name is required", i)
		}
		canon := schema.Agency{Key: AgencyKey(a.Name), Name: strings.TrimSpace(a.Name)}
		for _, name := range append([]string{a.Name}, a.Aliases...) {
			k := AgencyKey(name)
			if prev, dup := v[k]; dup && prev.Key != canon.Key {
				return nil, fmt.Errorf("referrals.agencies: %q names both %s and %s", name, prev.Name, canon.Name)
			}
			v[k] = canon
		}
	}
	return v, nil
}

func (v agencyVocab) lookup(s string) schema.Agency {
	k := AgencyKey(s)
	if a, ok := v[k]; ok {
		return a
	}
	return schema.Agency{Key: k, Name: strings.Join(strings.Fields(s), " ")}
}

// AgencyKey is the matching key of an agency name.
func AgencyKey(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "&", " and ")
	w := words(s)
	for len(w) > 1 && (w[len(w)-1] == "inc" || w[len(w)-1] == "llc") {
		w = w[:len(w)-1]
	}
	return strings.Join(w, " ")
}

// abuseAliases are the accepted spellings of the abuse types.
var abuseAliases = map[string]schema.AbuseTypes{
	"dv": schema.AbuseDV, "domestic violence": schema.AbuseDV, "ipv": schema.AbuseDV, "intimate partner violence": schema.AbuseDV,
	"sa": schema.AbuseSA, "sexual assault": schema.AbuseSA, "sexual violence": schema.AbuseSA,
	"ht sex": schema.AbuseHTSex, "sex trafficking": schema.AbuseHTSex, "hts": schema.AbuseHTSex,
	"ht labor": schema.AbuseHTLabor, "ht labour": schema.AbuseHTLabor, "labor trafficking": schema.AbuseHTLabor,
	"labour trafficking": schema.AbuseHTLabor, "htl": schema.AbuseHTLabor,
}

// parseAbuse reads a ;- or ,-separated list of abuse types. Unknown parts
// are an error; the known ones are still returned.
func parseAbuse(s string) (schema.AbuseTypes, error) {
	var out schema.AbuseTypes
	var unknown []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '|' }) {
		k := Fold(part)
		if k == "" {
			continue
		}
		a, ok := abuseAliases[k]
		if !ok {
			unknown = append(unknown, strings.TrimSpace(part))
			continue
		}
		out |= a
	}
	if len(unknown) > 0 {
		return out, fmt.Errorf("unknown abuse type (use DV, SA, HT-sex, HT-labor)")
	}
	return out, nil
}

// lookupCounty reads a county cell: a FIPS code (a leading code followed
// by a name, as the templates' drop-down writes it, counts by its code),
// or with byName a county name that must match one county.
func lookupCounty(geo *reference.Geography, s string, byName bool) (schema.County, error) {
	if !byName {
		code := s
		if i := strings.IndexAny(s, " \t"); i > 0 {
			code = s[:i]
		}
		if n, ok := wholeNumber(code); ok && n > 0 {
			code = fmt.Sprint(n)
		}
		if c, ok := geo.County(reference.NormalizeFIPS(code)); ok {
			return c, nil
		}
		return schema.County{}, fmt.Errorf("unknown county FIPS code")
	}
	matches := geo.CountiesNamed(s)
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return schema.County{}, fmt.Errorf("unknown county name")
	}
	return schema.County{}, fmt.Errorf("county name matches %d counties; give county_fips instead", len(matches))
}

// referralIDs remembers the referral ids of one file in little memory: ids that
// are a prefix plus a number ("R00012345", "2024-0042") as bits per
// prefix, others as 64-bit hashes (a collision, about n²/2^65 for n ids,
// would wrongly reject one row).
type referralIDs struct {
	bits   map[idPrefix][]uint64
	hashed map[uint64]struct{}
	last   idPrefix // the prefix of the last id, and its bits
	lastB  []uint64
}

// idPrefix is the hash of the text before an id's number and the
// number's width ("R", 8 for "R00012345"), so "R7" and "R07" stay
// apart. A hash, not the text, so that an idKey holds no pointer and
// millions of them cost the collector nothing; two prefixes of one file
// sharing a 64-bit hash is as unlikely as two hashed ids colliding.
type idPrefix struct {
	hash  uint64
	width int
}

// idKey is an id reduced to what the set stores; computing it needs no
// state, so it can be done on any goroutine.
type idKey struct {
	prefix idPrefix
	n      uint64 // the number, or the hash when prefix.width is 0
}

const maxIDBits = 1 << 28 // a number above this is hashed instead

func referralIDKey(id string) idKey {
	i := len(id)
	for i > 0 && id[i-1] >= '0' && id[i-1] <= '9' {
		i--
	}
	if n, ok := digits(id[i:]); ok && n < maxIDBits {
		return idKey{prefix: idPrefix{hash: fnv64(id[:i]), width: len(id) - i}, n: uint64(n)}
	}
	return idKey{n: fnv64(id)}
}

// add records id and reports whether it was new.
func (s *referralIDs) add(id string) bool { return s.addKey(referralIDKey(id)) }

func (s *referralIDs) addKey(k idKey) bool {
	if k.prefix.width == 0 {
		if s.hashed == nil {
			s.hashed = map[uint64]struct{}{}
		}
		if _, dup := s.hashed[k.n]; dup {
			return false
		}
		s.hashed[k.n] = struct{}{}
		return true
	}
	return s.addBit(k.prefix, int(k.n))
}

func (s *referralIDs) addBit(prefix idPrefix, n int) bool {
	b := s.lastB
	if b == nil || prefix != s.last {
		if s.bits == nil {
			s.bits = map[idPrefix][]uint64{}
		}
		b = s.bits[prefix]
	}
	w := n / 64
	if w >= len(b) {
		grown := make([]uint64, max(w+1, 2*len(b)))
		copy(grown, b)
		b = grown
		s.bits[prefix] = b
	}
	s.last, s.lastB = prefix, b
	mask := uint64(1) << (n % 64)
	if b[w]&mask != 0 {
		return false
	}
	b[w] |= mask
	return true
}

// fnv64 is FNV-1a: a fixed hash, so results never depend on a seed.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
