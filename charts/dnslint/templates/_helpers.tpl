{{/* The name of every object of the release (and of the webhook configuration). */}}
{{- define "dnslint.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "dnslint.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: webhook
{{- end -}}

{{- define "dnslint.labels" -}}
{{ include "dnslint.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "dnslint.selfManaged" -}}
{{- if eq .Values.certMode "self-managed" -}}true{{- else if eq .Values.certMode "cert-manager" -}}{{- else -}}{{- fail (printf "certMode %q: want self-managed or cert-manager" .Values.certMode) -}}{{- end -}}
{{- end -}}

{{- define "dnslint.failurePolicy" -}}
{{- if not (has . (list "Fail" "Ignore")) -}}{{- fail (printf "failurePolicy %q: want Fail or Ignore" .) -}}{{- end -}}
{{- . -}}
{{- end -}}
