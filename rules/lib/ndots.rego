# How ndots multiplies lookups, shared by the pod and resolv.conf rules.
package dnslint.lib.ndots

# queries is what one external name (fewer dots than ndots) costs: an A and an AAAA
# query for each search domain, then for the name itself.
queries(search_domains) := 2 * (search_domains + 1)

# value reads an ndots value the way glibc does for the numbers that matter: an integer,
# capped at 15. Non-numeric values are left to other rules.
value(text) := min([to_number(text), 15]) if regex.match(`^[0-9]+$`, text)

amplification(n, search) := sprintf("a name with fewer than %d dots goes through the search list first, so an external name such as example.com costs 2 × (%d search domains + 1) = %d queries before it resolves", [
	n, search, queries(search),
])
