package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dnslint/dnslint/lint/explain"
	"github.com/dnslint/dnslint/lint/explain/input"
)

func newExplainLadderCommand() *cobra.Command {
	var nodes, cores, maxNodes, coresPerNode int
	var format string
	cmd := &cobra.Command{
		Use:   "ladder FILE",
		Short: "What cluster-proportional-autoscaler runs for a cluster size, and over a range of sizes",
		Long: `Evaluate an autoscaler ConfigMap (ladder or linear) with the semantics of
cluster-proportional-autoscaler: the replica count for --nodes/--cores, and a table and
chart from 1 to --max-nodes nodes (of --cores-per-node cores each) that flags ranges with
0 or 1 replicas, decreases, and the plateau where the count stops growing.`,
		Example: `  dnslint explain ladder coredns-autoscaler.yaml
  dnslint explain ladder coredns-autoscaler.yaml --nodes 12 --cores 48`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkLadderRanges(nodes, cores, maxNodes, coresPerNode); err != nil {
				return usageError{err}
			}
			s, err := input.Scaler(args[0])
			if err != nil {
				return err
			}
			pts, ranges := s.Curve(maxNodes, coresPerNode)
			out := cmd.OutOrStdout()
			if format == "json" {
				v := map[string]any{"mode": s.Mode, "ranges": ranges, "points": pts}
				if nodes > 0 || cores > 0 {
					v["replicas"] = s.Replicas(nodes, cores)
				}
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(v)
			}
			if format != "text" {
				return usageError{fmt.Errorf("--format %q: want text or json", format)}
			}
			if nodes > 0 || cores > 0 {
				fmt.Fprintf(out, "%d nodes, %d cores: %d replicas\n\n", nodes, cores, s.Replicas(nodes, cores))
			}
			writeRanges(out, s.Mode, ranges, coresPerNode)
			fmt.Fprintln(out)
			writeChart(out, pts)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&nodes, "nodes", 0, "nodes of the cluster to evaluate")
	fl.IntVar(&cores, "cores", 0, "cores (allocatable CPU) of the cluster to evaluate")
	fl.IntVar(&maxNodes, "max-nodes", 100, "largest cluster of the range")
	fl.IntVar(&coresPerNode, "cores-per-node", 4, "cores of each node in the range")
	fl.StringVarP(&format, "format", "f", "text", "text or json")
	return cmd
}

func writeRanges(w io.Writer, mode string, rs []explain.Range, coresPerNode int) {
	fmt.Fprintf(w, "%s, nodes of %d cores:\n", mode, coresPerNode)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NODES\tREPLICAS\tNOTE")
	for _, r := range rs {
		span := fmt.Sprintf("%d-%d", r.FromNodes, r.ToNodes)
		if r.FromNodes == r.ToNodes {
			span = fmt.Sprint(r.FromNodes)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\n", span, r.Replicas, strings.Join(r.Flags, "; "))
	}
	tw.Flush()
}

// writeChart draws replicas against nodes, one row per replica count, top down.
func writeChart(w io.Writer, pts []explain.Point) {
	top := 0
	for _, p := range pts {
		top = max(top, p.Replicas)
	}
	for r := top; r >= 1; r-- {
		var b strings.Builder
		for _, p := range pts {
			if p.Replicas >= r {
				b.WriteByte('#')
			} else {
				b.WriteByte(' ')
			}
		}
		fmt.Fprintf(w, "%3d |%s\n", r, strings.TrimRight(b.String(), " "))
	}
	fmt.Fprintf(w, "    +%s\n     nodes 1..%d\n", strings.Repeat("-", len(pts)), len(pts))
}

// maxLadderNodes is the largest --max-nodes (a point per size; Kubernetes supports
// 5,000 nodes) and --cores-per-node: nodes times cores stays far from overflow.
const maxLadderNodes = 100_000

// checkLadderRanges refuses sizes that give an empty or meaningless table.
func checkLadderRanges(nodes, cores, maxNodes, coresPerNode int) error {
	switch {
	case maxNodes < 1 || maxNodes > maxLadderNodes:
		return fmt.Errorf("--max-nodes %d: want 1 to %d", maxNodes, maxLadderNodes)
	case coresPerNode < 1 || coresPerNode > maxLadderNodes:
		return fmt.Errorf("--cores-per-node %d: want 1 to %d", coresPerNode, maxLadderNodes)
	case nodes < 0:
		return fmt.Errorf("--nodes %d: want 0 or more", nodes)
	case cores < 0:
		return fmt.Errorf("--cores %d: want 0 or more", cores)
	}
	return nil
}
