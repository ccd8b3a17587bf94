module github.com/netapp/terraform-provider-netapp-elementsw

go 1.15

require (
	github.com/fatih/structs v1.1.0
	github.com/hashicorp/terraform v0.13.5
	github.com/mgutz/ansi v0.0.0-20200706080929-d51e80ef957d // indirect
	github.com/sirupsen/logrus v1.7.0
	github.com/stretchr/testify v1.5.1
	github.com/x-cray/logrus-prefixed-formatter v0.5.2
	gopkg.in/h2non/gock.v1 v1.0.15
)
