# Helpers every rule uses to shape its findings.
package dnslint.lib.report

# finding is one entry of a rule's `report` set: a message at a position.
finding(pos, message) := {"message": message, "location": pos}

# related is a finding that also points at other places, each {"message", "pos"}.
related(pos, message, others) := {"message": message, "location": pos, "related": others}

# with_related adds other places, each {"message", "pos"}, to a finding built above (e.g.
# a graded one). A message names the things it speaks of; where they are is a related
# place, never "line N" in its text.
with_related(f, others) := object.union(f, {"related": others})

# graded is a finding whose severity differs from the rule's default (e.g. a value that
# CoreDNS refuses outright, in a rule that otherwise warns): "error", "warning" or "info".
graded(pos, message, severity) := {"message": message, "location": pos, "severity": severity}
