// SHIM, not Trident code. Trident's logging package pulls in its config
// package (and so Kubernetes), Prometheus and its telemetry; the solidfire
// api package uses only Logc, Logd, LogFields, RedactedHTTPRequest,
// RedactedHTTPResponse and LogLayerSolidfireDriver, which this file provides
// with the same signatures over logrus (which Trident's own logging wraps).
// Request and response bodies are never logged here, so no secret is.

package logging

import (
	"context"
	"net/http"

	log "github.com/sirupsen/logrus"

	"github.com/netapp/trident/config"
)

// LogFields is Trident's field map.
type LogFields log.Fields

// LogLayer names the layer a log line comes from.
type LogLayer string

func (l LogLayer) String() string { return string(l) }

// LogLayerSolidfireDriver is the solidfire-san driver's layer.
const LogLayerSolidfireDriver = LogLayer(config.SolidfireSANStorageDriverName)

// LogEntry is the subset of Trident's LogEntry that the api package calls.
type LogEntry interface {
	WithField(key string, value interface{}) LogEntry
	WithFields(fields LogFields) LogEntry
	Error(args ...interface{})
	Errorf(format string, args ...interface{})
	Warn(args ...interface{})
	Warnf(format string, args ...interface{})
	Warning(args ...interface{})
	Warningf(format string, args ...interface{})
	Info(args ...interface{})
	Infof(format string, args ...interface{})
	Debug(args ...interface{})
	Debugf(format string, args ...interface{})
	Trace(args ...interface{})
	Tracef(format string, args ...interface{})
}

type entry struct{ *log.Entry }

func (e entry) WithField(key string, value interface{}) LogEntry {
	return entry{e.Entry.WithField(key, value)}
}

func (e entry) WithFields(fields LogFields) LogEntry {
	return entry{e.Entry.WithFields(log.Fields(fields))}
}

// Logc returns the log entry of a context.
func Logc(ctx context.Context) LogEntry {
	return entry{log.WithContext(ctx)}
}

// Logd returns the log entry of a driver's context.
func Logd(ctx context.Context, driverName string, _ bool) LogEntry {
	return entry{log.WithContext(ctx).WithField("driver", driverName)}
}

// RedactedHTTPRequest logs a request's method and URL (without credentials)
// at debug level.
func RedactedHTTPRequest(request *http.Request, _ []byte, driverName string, _, _ bool) {
	log.WithFields(log.Fields{"driver": driverName, "method": request.Method, "url": request.URL.Redacted()}).
		Debug("HTTP request")
}

// RedactedHTTPResponse logs a response's status at debug level.
func RedactedHTTPResponse(ctx context.Context, response *http.Response, _ []byte, driverName string, _, _ bool) {
	log.WithContext(ctx).WithFields(log.Fields{"driver": driverName, "status": response.Status}).Debug("HTTP response")
}
