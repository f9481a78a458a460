package explain

import "strings"

// Libc is a resolver implementation whose search behaviour dnslint models.
type Libc string

// The resolvers modelled.
const (
	Glibc Libc = "glibc"
	Musl  Libc = "musl"
)

// Outcome classifies the answer a query gets.
type Outcome string

// Outcomes, from the resolver's point of view.
const (
	Answer   Outcome = "ANSWER"   // records: the search stops
	NXDomain Outcome = "NXDOMAIN" // the name does not exist: the search goes on
	NoData   Outcome = "NODATA"   // the name exists without records of the type
	ServFail Outcome = "SERVFAIL"
	Refused  Outcome = "REFUSED"
)

// Query is one query a resolver sends.
type Query struct {
	ID    int    `json:"id"`
	Type  string `json:"qtype"`
	Name  string `json:"name"`
	Route Route  `json:"route"`
}

// Candidates lists the names a resolver tries for name, in order, before any answer
// stops it: glibc (res_search) tries a name with at least ndots dots as written first
// and then with each search domain, and one with fewer dots with each search domain first
// and as written last; musl (name_from_dns_search) uses the search list only for names
// with fewer than ndots dots. A trailing dot means the name alone, for both.
func Candidates(name string, searches []string, ndots int, libc Libc) []string {
	if strings.HasSuffix(name, ".") {
		return []string{name}
	}
	abs := name + "."
	dots := strings.Count(name, ".")
	var searched []string
	for _, s := range searches {
		if s = strings.TrimSuffix(s, "."); s != "" {
			searched = append(searched, name+"."+s+".")
		}
	}
	switch {
	case dots >= ndots && libc == Musl:
		return []string{abs}
	case dots >= ndots:
		return append([]string{abs}, searched...)
	default:
		return append(searched, abs)
	}
}

// continues tells whether a resolver tries its next candidate after an outcome: glibc
// goes on after NXDOMAIN, NODATA and SERVFAIL; musl only after NXDOMAIN.
func continues(o Outcome, libc Libc) bool {
	switch o {
	case NXDomain:
		return true
	case NoData, ServFail:
		return libc == Glibc
	}
	return false
}

// Sequence is the queries sent for name: A and AAAA for each candidate, until a candidate
// gets an answer the resolver stops on. route tells where each query goes.
func Sequence(name string, rc ResolvConf, libc Libc, route func(name, qtype string) Route) []Query {
	var qs []Query
	for _, cand := range Candidates(name, rc.Searches, rc.Ndots(), libc) {
		stop := false
		var outcomes []Outcome
		for _, t := range []string{"A", "AAAA"} {
			r := route(cand, t)
			qs = append(qs, Query{ID: len(qs) + 1, Type: t, Name: cand, Route: r})
			outcomes = append(outcomes, r.Outcome)
		}
		// The candidate succeeds when either query has records (getaddrinfo, AF_UNSPEC).
		for _, o := range outcomes {
			if o == Answer {
				stop = true
			}
		}
		if !stop && !continues(worst(outcomes), libc) {
			stop = true
		}
		if stop {
			break
		}
	}
	return qs
}

// worst is the outcome that decides whether the search goes on when neither query had records.
func worst(os []Outcome) Outcome {
	for _, want := range []Outcome{ServFail, Refused, NoData} {
		for _, o := range os {
			if o == want {
				return o
			}
		}
	}
	return NXDomain
}
