package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// fpdf v0.12.0 writes image objects sorted by pixel width only
// (putimages), so charts of the same width come out in map-iteration
// order and two renderings of one report differ. sortImages rewrites the
// finished file so that image objects are numbered and placed in the
// order of their resource names (/I<sha1 of the image>): the bytes then
// depend only on the content. Pages name images, never their object
// numbers, so only the image objects, the resource dictionary and the
// cross-reference table change.

var (
	xobjectRef = regexp.MustCompile(`/I([0-9a-f]+) (\d+) 0 R`)
	objRef     = regexp.MustCompile(`(\d+) 0 R`)
	smaskRef   = regexp.MustCompile(`/SMask (\d+) 0 R|/Indexed /DeviceRGB \d+ (\d+) 0 R`)
)

// pdfFile is a PDF split into its objects, in file order.
type pdfFile struct {
	head    []byte
	objs    []pdfObj
	trailer []byte // from "trailer" to the end
	size    int    // entries of the cross-reference table
}

type pdfObj struct {
	num  int
	body []byte // "N 0 obj" … "endobj\n"
}

func sortImages(b []byte) ([]byte, error) {
	p, err := splitPDF(b)
	if err != nil {
		return nil, err
	}
	res := p.find(2)
	if res < 0 {
		return nil, fmt.Errorf("pdf: no resource dictionary")
	}
	names := map[int]string{}
	for _, m := range xobjectRef.FindAllSubmatch(p.objs[res].body, -1) {
		n, _ := strconv.Atoi(string(m[2]))
		if old, ok := names[n]; !ok || string(m[1]) < old {
			names[n] = string(m[1])
		}
	}
	if len(names) < 2 {
		return b, nil
	}
	renum, err := p.imageOrder(names)
	if err != nil {
		return nil, err
	}
	p.apply(renum, res)
	return p.bytes(), nil
}

func splitPDF(b []byte) (*pdfFile, error) {
	i := bytes.LastIndex(b, []byte("startxref\n"))
	if i < 0 {
		return nil, fmt.Errorf("pdf: no startxref")
	}
	xref, err := strconv.Atoi(string(bytes.TrimSpace(bytes.SplitN(b[i+10:], []byte("\n"), 2)[0])))
	if err != nil || xref <= 0 || xref >= len(b) || !bytes.HasPrefix(b[xref:], []byte("xref\n0 ")) {
		return nil, fmt.Errorf("pdf: bad cross-reference offset")
	}
	line, _, _ := bytes.Cut(b[xref+7:], []byte("\n"))
	size, err := strconv.Atoi(string(line))
	start := xref + 7 + len(line) + 1
	if err != nil || size < 3 || start+20*size > len(b) {
		return nil, fmt.Errorf("pdf: bad cross-reference table")
	}
	type at struct{ num, off int }
	var offs []at
	for n := 1; n < size; n++ {
		off, err := strconv.Atoi(string(b[start+20*n : start+20*n+10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, fmt.Errorf("pdf: bad offset of object %d", n)
		}
		offs = append(offs, at{n, off})
	}
	slices.SortFunc(offs, func(a, b at) int { return a.off - b.off })
	p := &pdfFile{head: b[:offs[0].off], trailer: b[start+20*size:], size: size}
	for k, o := range offs {
		end := xref
		if k+1 < len(offs) {
			end = offs[k+1].off
		}
		if !bytes.HasPrefix(b[o.off:], []byte(strconv.Itoa(o.num)+" 0 obj")) {
			return nil, fmt.Errorf("pdf: object %d is not where the table says", o.num)
		}
		p.objs = append(p.objs, pdfObj{o.num, b[o.off:end]})
	}
	return p, nil
}

// find returns the position of object n in file order, or -1.
func (p *pdfFile) find(n int) int {
	return slices.IndexFunc(p.objs, func(o pdfObj) bool { return o.num == n })
}

// dict is an object's dictionary: the part before its stream.
func dict(body []byte) []byte {
	if i := bytes.Index(body, []byte("stream\n")); i >= 0 {
		return body[:i]
	}
	return body
}

// imageOrder maps the old number of every image object (and of the soft
// masks and palettes that follow it) to its number in name order.
func (p *pdfFile) imageOrder(names map[int]string) (map[int]int, error) {
	units := map[int][]int{}
	var heads []int
	first, last := -1, -1
	for n := range names {
		i := p.find(n)
		if i < 0 {
			return nil, fmt.Errorf("pdf: image object %d missing", n)
		}
		unit := []int{n}
		for _, m := range smaskRef.FindAllSubmatch(dict(p.objs[i].body), -1) {
			ref := m[1]
			if len(ref) == 0 {
				ref = m[2]
			}
			r, _ := strconv.Atoi(string(ref))
			unit = append(unit, r)
		}
		slices.Sort(unit)
		units[n] = unit
		heads = append(heads, n)
		for _, u := range unit {
			j := p.find(u)
			if j < 0 {
				return nil, fmt.Errorf("pdf: object %d of image %d missing", u, n)
			}
			if first < 0 || j < first {
				first = j
			}
			last = max(last, j)
		}
	}
	count := 0
	for _, u := range units {
		count += len(u)
	}
	if last-first+1 != count {
		return nil, fmt.Errorf("pdf: image objects are not contiguous")
	}
	slices.SortFunc(heads, func(a, b int) int { return bytes.Compare([]byte(names[a]), []byte(names[b])) })
	low := p.objs[first].num
	for _, o := range p.objs[first : last+1] {
		low = min(low, o.num)
	}
	renum := map[int]int{}
	next := low
	for _, h := range heads {
		for _, u := range units[h] {
			renum[u] = next
			next++
		}
	}
	// put the block in its new order, in place
	block := slices.Clone(p.objs[first : last+1])
	slices.SortFunc(block, func(a, b pdfObj) int { return renum[a.num] - renum[b.num] })
	copy(p.objs[first:], block)
	return renum, nil
}

// apply renumbers the image objects and the references to them.
func (p *pdfFile) apply(renum map[int]int, res int) {
	swap := func(re *regexp.Regexp, b []byte, group int) []byte {
		return re.ReplaceAllFunc(b, func(m []byte) []byte {
			sub := re.FindSubmatchIndex(m)
			n, _ := strconv.Atoi(string(m[sub[2*group]:sub[2*group+1]]))
			to, ok := renum[n]
			if !ok {
				return m
			}
			return slices.Concat(m[:sub[2*group]], []byte(strconv.Itoa(to)), m[sub[2*group+1]:])
		})
	}
	for i, o := range p.objs {
		to, ok := renum[o.num]
		if !ok {
			continue
		}
		head := []byte(strconv.Itoa(o.num) + " 0 obj")
		d := dict(o.body)
		body := slices.Concat([]byte(strconv.Itoa(to)+" 0 obj"), swap(objRef, d[len(head):], 1), o.body[len(d):])
		p.objs[i] = pdfObj{to, body}
	}
	p.objs[res].body = swap(xobjectRef, p.objs[res].body, 2)
}

// bytes writes the file back with a new cross-reference table.
func (p *pdfFile) bytes() []byte {
	var b bytes.Buffer
	n := len(p.head) + len(p.trailer) + 20*p.size + 64
	for _, o := range p.objs {
		n += len(o.body)
	}
	b.Grow(n)
	b.Write(p.head)
	offs := make([]int, p.size)
	for _, o := range p.objs {
		offs[o.num] = b.Len()
		b.Write(o.body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", p.size)
	for _, off := range offs[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	t := p.trailer
	i := bytes.LastIndex(t, []byte("startxref\n"))
	b.Write(t[:i+10])
	fmt.Fprintf(&b, "%d\n%%%%EOF\n", xref)
	return b.Bytes()
}
