package explain

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
)

// Scaler is a cluster-proportional-autoscaler configuration: ladder or linear.
type Scaler struct {
	Mode   string
	Ladder struct {
		CoresToReplicas [][2]int `json:"coresToReplicas"`
		NodesToReplicas [][2]int `json:"nodesToReplicas"`
	}
	Linear struct {
		CoresPerReplica           float64 `json:"coresPerReplica"`
		NodesPerReplica           float64 `json:"nodesPerReplica"`
		Min                       int     `json:"min"`
		Max                       int     `json:"max"`
		PreventSinglePointFailure bool    `json:"preventSinglePointFailure"`
	}
}

// ParseScaler decodes a mode's JSON the way CPA does (encoding/json: unknown keys
// ignored, case-insensitive keys, extra ladder elements dropped, missing ones zero).
func ParseScaler(mode string, params []byte) (*Scaler, error) {
	s := &Scaler{Mode: mode}
	var err error
	switch mode {
	case "ladder":
		err = json.Unmarshal(params, &s.Ladder)
	case "linear":
		err = json.Unmarshal(params, &s.Linear)
	default:
		return nil, fmt.Errorf("not a supported control mode: %s", mode)
	}
	if err != nil {
		return nil, fmt.Errorf("could not parse parameters (%v)", err)
	}
	return s, nil
}

// Replicas is what CPA sets the target to for a cluster of nodes and cores.
func (s *Scaler) Replicas(nodes, cores int) int {
	if s.Mode == "ladder" {
		return max(step(s.Ladder.CoresToReplicas, cores), step(s.Ladder.NodesToReplicas, nodes))
	}
	l := s.Linear
	minR := l.Min
	if minR == 0 {
		minR = 1
	}
	term := func(n int, per float64) int {
		if per == 0 {
			return 1
		}
		r := max(int(math.Ceil(float64(n)/per)), minR)
		if l.Max > 0 {
			r = min(r, l.Max)
		}
		return r
	}
	coreTerm, nodeTerm := term(cores, l.CoresPerReplica), term(nodes, l.NodesPerReplica)
	if l.PreventSinglePointFailure && nodes > 1 && nodeTerm < 2 {
		nodeTerm = 2
	}
	return max(coreTerm, nodeTerm)
}

// step looks a value up in a ladder: the last step whose threshold is at most the value;
// below the first threshold, the first step; an empty ladder gives 0 (CPA ≥ 1.8.5).
func step(ladder [][2]int, v int) int {
	if len(ladder) == 0 {
		return 0
	}
	l := append([][2]int(nil), ladder...)
	sort.Slice(l, func(i, j int) bool { return l[i][0] < l[j][0] })
	r := l[0][1]
	for _, e := range l {
		if e[0] <= v {
			r = e[1]
		}
	}
	return r
}

// Point is the replica count at one cluster size.
type Point struct {
	Nodes    int `json:"nodes"`
	Cores    int `json:"cores"`
	Replicas int `json:"replicas"`
}

// Range is a run of cluster sizes with the same replica count, and what is wrong with it.
type Range struct {
	FromNodes int      `json:"from_nodes"`
	ToNodes   int      `json:"to_nodes"`
	Replicas  int      `json:"replicas"`
	Flags     []string `json:"flags,omitempty"`
}

// Curve evaluates the scaler from 1 to maxNodes nodes of coresPerNode cores each and
// groups equal counts into ranges, flagging 0 and 1 replicas, decreases, and the plateau
// at the top (the count stops growing with the cluster).
func (s *Scaler) Curve(maxNodes, coresPerNode int) ([]Point, []Range) {
	var pts []Point
	var rs []Range
	for n := 1; n <= maxNodes; n++ {
		p := Point{Nodes: n, Cores: n * coresPerNode, Replicas: s.Replicas(n, n*coresPerNode)}
		pts = append(pts, p)
		if len(rs) > 0 && rs[len(rs)-1].Replicas == p.Replicas {
			rs[len(rs)-1].ToNodes = n
			continue
		}
		r := Range{FromNodes: n, ToNodes: n, Replicas: p.Replicas}
		switch {
		case p.Replicas == 0:
			r.Flags = append(r.Flags, "no replica: cluster DNS is down")
		case p.Replicas == 1:
			r.Flags = append(r.Flags, "single replica: no DNS during a restart or node loss")
		}
		if len(rs) > 0 && p.Replicas < rs[len(rs)-1].Replicas {
			r.Flags = append(r.Flags, fmt.Sprintf("decrease from %d", rs[len(rs)-1].Replicas))
		}
		rs = append(rs, r)
	}
	if len(rs) > 1 {
		last := &rs[len(rs)-1]
		if last.ToNodes == maxNodes && last.ToNodes > 2*last.FromNodes {
			last.Flags = append(last.Flags, fmt.Sprintf("plateau: %d replicas from %d nodes on", last.Replicas, last.FromNodes))
		}
	}
	return pts, rs
}
