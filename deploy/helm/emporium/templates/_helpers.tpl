{{/* Release-wide name: the release name, prefixed with the chart name unless it already contains it. */}}
{{- define "emporium.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Name of one service's objects: (dict "root" $ "name" "order-service"). */}}
{{- define "emporium.serviceName" -}}
{{- printf "%s-%s" (include "emporium.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "emporium.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: emporium
{{- end -}}

{{/* Selects the pods of one component (a service, or a job/test): (dict "root" $ "name" "order-service"). */}}
{{- define "emporium.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Selects every pod of this release (the default-deny policy's scope). */}}
{{- define "emporium.releaseSelector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "emporium.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion -}}
{{- end -}}

{{/* A service's image: (dict "root" $ "name" "order-service"). */}}
{{- define "emporium.image" -}}
{{- $image := .root.Values.image -}}
{{- printf "%s%s%s:%s" $image.registry $image.repositoryPrefix .name (include "emporium.imageTag" .root) -}}
{{- end -}}

{{/* A service's settings: the defaults, overridden by its own entry. (dict "root" $ "name" ... "config" ...) */}}
{{- define "emporium.serviceConfig" -}}
{{- mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy .config) | toYaml -}}
{{- end -}}

{{/* Port that answers /actuator: the management port when the service has one. */}}
{{- define "emporium.managementPort" -}}
{{- .managementPort | default .port -}}
{{- end -}}

{{- define "emporium.jwksUri" -}}
{{- $auth := index .Values.services "auth-service" -}}
{{- printf "http://%s:%v/.well-known/jwks.json" (include "emporium.serviceName" (dict "root" . "name" "auth-service")) $auth.port -}}
{{- end -}}

{{- define "emporium.jdbcUrl" -}}
{{- $pg := .Values.postgresql -}}
{{- $url := printf "jdbc:postgresql://%s:%v/%s" $pg.host $pg.port $pg.database -}}
{{- if $pg.jdbcParameters -}}{{- $url = printf "%s?%s" $url $pg.jdbcParameters -}}{{- end -}}
{{- $url -}}
{{- end -}}

{{/* Pod security context shared by every pod of the chart: (dict "runAsUser" 10001). */}}
{{- define "emporium.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .runAsUser }}
runAsGroup: {{ .runAsUser }}
fsGroup: {{ .runAsUser }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "emporium.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* A service's plain environment as YAML map entries: (dict "root" $ "name" ... "svc" ...). */}}
{{- define "emporium.serviceEnvironment" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
SERVER_PORT: {{ $svc.port | quote }}
{{- if $svc.managementPort }}
MANAGEMENT_SERVER_PORT: {{ $svc.managementPort | quote }}
{{- end }}
{{- with $svc.database }}
SPRING_DATASOURCE_URL: {{ include "emporium.jdbcUrl" $root | quote }}
SPRING_DATASOURCE_USERNAME: {{ .username | quote }}
{{- end }}
{{- if $svc.kafka }}
SPRING_KAFKA_BOOTSTRAP_SERVERS: {{ $root.Values.kafka.bootstrapServers | quote }}
{{- end }}
{{- if and $svc.redis $root.Values.redis.url }}
SPRING_DATA_REDIS_URL: {{ $root.Values.redis.url | quote }}
{{- end }}
{{- if $svc.psp }}
EMPORIUM_PAYMENT_PSP_BASE_URL: {{ $root.Values.payment.psp.baseUrl | quote }}
{{- end }}
{{- if $svc.mail }}
SPRING_MAIL_HOST: {{ $root.Values.notification.mail.host | quote }}
SPRING_MAIL_PORT: {{ $root.Values.notification.mail.port | quote }}
{{- end }}
{{- range $upstream := $svc.routesTo }}
{{- $target := index $root.Values.services $upstream }}
{{ printf "%s_URL" ($upstream | upper | replace "-" "_") }}: {{ printf "http://%s:%v" (include "emporium.serviceName" (dict "root" $root "name" $upstream)) $target.port | quote }}
{{- end }}
EMPORIUM_SECURITY_JWKS_URI: {{ include "emporium.jwksUri" $root | quote }}
EMPORIUM_SECURITY_ISSUER: {{ $root.Values.security.issuer | quote }}
EMPORIUM_SECURITY_AUDIENCE: {{ $root.Values.security.audience | quote }}
OTEL_SERVICE_NAME: {{ .name | quote }}
OTEL_RESOURCE_ATTRIBUTES: {{ printf "service.version=%s,deployment.environment.name=%s" (include "emporium.imageTag" $root) $root.Values.otel.environment | quote }}
OTEL_TRACES_EXPORTER: {{ $root.Values.otel.tracesExporter | quote }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ $root.Values.otel.endpoint | quote }}
OTEL_EXPORTER_OTLP_PROTOCOL: {{ $root.Values.otel.protocol | quote }}
OTEL_METRICS_EXPORTER: "none"
OTEL_LOGS_EXPORTER: "none"
{{- if $svc.javaToolOptions }}
JAVA_TOOL_OPTIONS: {{ $svc.javaToolOptions | quote }}
{{- end }}
{{- range $key, $value := $svc.env }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* One egress rule to a destination outside the release: (dict "rule" {ports, to} "what" "..." ["protocols" list]). */}}
{{- define "emporium.egressRule" -}}
# {{ .what }}
- ports:
    {{- range $port := .rule.ports }}
    {{- range $protocol := ($.protocols | default (list "TCP")) }}
    - port: {{ $port }}
      protocol: {{ $protocol }}
    {{- end }}
    {{- end }}
  {{- with .rule.to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
