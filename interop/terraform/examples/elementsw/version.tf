terraform {
  required_providers {
    netapp-elementsw = {
      version = ">= 20.11.0"
      source  = "NetApp/netapp-elementsw"
    }
  }
}
