package source

import (
	"archive/zip"
	"errors"
	"io"
	"sync"
	"sync/atomic"
)

// inflater inflates a zip part on its own goroutine, a block ahead of the
// tokenizer. With checkBytes it also checks what checkZip checks for parts
// it did not inflate at open: UTF-8 and control bytes (CRC and truncation
// are checked by archive/zip and the reader).
type inflater struct {
	ch   chan inflated
	free chan []byte
	done chan struct{}
	wg   sync.WaitGroup
	rc   io.ReadCloser
	n    atomic.Int64 // bytes inflated
}

type inflated struct {
	b   []byte
	err error
}

const inflateBlock = 256 << 10

func newInflater(zf *zip.File, checkBytes bool) (*inflater, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	in := &inflater{ch: make(chan inflated, 4), free: make(chan []byte, 6), done: make(chan struct{}), rc: rc}
	in.wg.Add(1)
	go in.run(checkBytes)
	return in, nil
}

func (in *inflater) run(checkBytes bool) {
	defer in.wg.Done()
	defer close(in.ch)
	var check *xmlCheck
	if checkBytes {
		check = &xmlCheck{noOrder: true}
	}
	for {
		var b []byte
		select {
		case b = <-in.free:
		default:
			b = make([]byte, inflateBlock)
		}
		n, err := io.ReadFull(in.rc, b[:inflateBlock])
		b = b[:n]
		in.n.Add(int64(n))
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = io.EOF
		}
		if check != nil && n > 0 {
			check.Write(b)
			if check.problem != "" {
				err = errors.New(check.problem)
			}
		}
		if err == nil || (errors.Is(err, io.EOF) && n > 0) {
			if !in.send(inflated{b: b}) {
				return
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) && check != nil && len(check.carry) > 0 && !check.other {
				err = errors.New("the sheet XML ends inside a character")
			}
			in.send(inflated{err: err})
			return
		}
	}
}

func (in *inflater) send(x inflated) bool {
	select {
	case in.ch <- x:
		return true
	case <-in.done:
		return false
	}
}

func (in *inflater) next() ([]byte, error) {
	x, ok := <-in.ch
	if !ok {
		return nil, io.EOF
	}
	return x.b, x.err
}

func (in *inflater) recycle(b []byte) {
	select {
	case in.free <- b[:cap(b)]:
	default:
	}
}

func (in *inflater) stop() {
	select {
	case <-in.done:
	default:
		close(in.done)
	}
	in.wg.Wait()
	in.rc.Close()
}
