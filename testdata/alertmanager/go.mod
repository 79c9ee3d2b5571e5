module github.com/prometheus/alertmanager

go 1.26.0
