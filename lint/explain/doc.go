// Package explain computes, from configuration alone, what DNS does for a pod: the
// resolv.conf the kubelet writes for it, the queries its libc sends for a name (glibc and
// musl differ), which CoreDNS server block and plugin answer each one, and what the
// cluster-proportional-autoscaler will run for a cluster size. Every step follows a
// documented behaviour of the real component (kubelet pkg/kubelet/network/dns, glibc
// res_search, musl name_from_dns_search, CoreDNS's server and plugin.cfg order, CPA's
// ladder and linear controllers), and the tests compare the predictions with the real
// glibc, musl and CoreDNS.
package explain
