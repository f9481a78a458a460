package webhook

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// Server is the webhook's HTTPS server: POST /validate, GET /healthz, /readyz and /metrics.
type Server struct {
	// Handler serves /validate.
	Handler http.Handler
	// Certs serves the certificate (required): a CertReloader (files) or the
	// self-managed Secret's (webhook/selfmanaged).
	Certs CertSource
	// OnServing, when set, is called once the listener accepts TLS connections (the
	// self-managed mode applies the webhook configuration then, not before).
	OnServing func()
	// Metrics is served on /metrics (nil: no /metrics).
	Metrics *Metrics
	// ShutdownDelay keeps serving, with /readyz failing, this long after the context ends,
	// so that the Service stops sending requests before the listener closes.
	ShutdownDelay time.Duration
	// ShutdownTimeout bounds how long in-flight requests may take to finish (default 30s).
	ShutdownTimeout time.Duration
	Logger          *slog.Logger

	stopping atomic.Bool
	serving  atomic.Bool
	// delay waits out ShutdownDelay (default time.Sleep); tests hold it.
	delay func(time.Duration)
}

// CertSource serves the certificate of each TLS handshake.
type CertSource interface {
	GetCertificate(*tls.ClientHelloInfo) (*tls.Certificate, error)
}

// Mux returns the server's routes.
func (s *Server) Mux() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/validate", s.Handler)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		if s.stopping.Load() || !s.serving.Load() {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ok\n"))
	})
	if s.Metrics != nil {
		mux.Handle("/metrics", s.Metrics.Handler())
	}
	return mux
}

// TLSConfig is the server's TLS configuration: TLS 1.2 or later, the certificate from Certs.
func (s *Server) TLSConfig() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: s.Certs.GetCertificate, NextProtos: []string{"h2", "http/1.1"}}
}

// ListenAndServe listens on addr and serves until ctx ends (see Serve).
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ctx, ln)
}

// Serve serves TLS on ln until ctx ends, then shuts down gracefully: /readyz fails, after
// ShutdownDelay the listener closes, and in-flight requests finish within ShutdownTimeout.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	log := s.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	timeout := s.ShutdownTimeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	srv := &http.Server{
		Handler:           s.Mux(),
		TLSConfig:         s.TLSConfig(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       90 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(tls.NewListener(ln, srv.TLSConfig)) }()
	s.serving.Store(true)
	log.Info("serving", "addr", ln.Addr().String())
	if s.OnServing != nil {
		s.OnServing()
	}
	select {
	case err := <-errc:
		s.serving.Store(false)
		return err
	case <-ctx.Done():
	}
	s.stopping.Store(true)
	log.Info("shutting down", "delay", s.ShutdownDelay, "timeout", timeout)
	if s.ShutdownDelay > 0 {
		delay := s.delay
		if delay == nil {
			delay = time.Sleep
		}
		delay(s.ShutdownDelay)
	}
	sctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	s.serving.Store(false)
	log.Info("stopped", "error", err)
	return err
}
