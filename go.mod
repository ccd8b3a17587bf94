module github.com/element-emulator/element-emulator

go 1.26

require (
	github.com/chromedp/chromedp v0.23.1
	github.com/go-chi/chi/v5 v5.2.3
	github.com/go-jose/go-jose/v4 v4.1.9
	github.com/google/uuid v1.6.0
	github.com/gorilla/rpc v1.2.1
	github.com/mattn/go-sqlite3 v1.14.53
	github.com/ovh/kmip-go v0.8.1
	github.com/scaleoutsean/solidfire-go v1.0.1
	github.com/stretchr/testify v1.11.1
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common v1.0.563
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/kms v1.0.563
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/chromedp/cdproto v0.160.1 // indirect
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/konsorten/go-windows-terminal-sequences v1.0.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	github.com/sirupsen/logrus v1.4.2 // indirect
	golang.org/x/sys v0.0.0-20190422165155-953cdadca894 // indirect
)
