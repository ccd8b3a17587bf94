package alikms

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// The published vectors (AccessKeyId LTAI5tEXAMPLEID, secret EXAMPLESECRET),
// captured from the real SDK and re-computed independently.
func vectorRequest() acsRequest {
	h := http.Header{}
	h.Set("x-acs-action", "GenerateDataKey")
	h.Set("x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
	h.Set("x-acs-date", "2026-11-26T05:11:18Z")
	h.Set("x-acs-signature-nonce", "3cb80254d17fa3720be1dd398d783d29")
	h.Set("x-acs-version", "2016-01-20")
	return acsRequest{Method: "POST", Path: "/",
		Query:   params{"EncryptionContext": `{"a":"b"}`, "KeyId": "alias/test", "NumberOfBytes": "32"},
		Headers: h, Host: "127.0.0.1:33197", SignedHeaders: requiredSigned,
		ContentSHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}
}

func TestVectorACS3(t *testing.T) {
	got := signACS3("EXAMPLESECRET", stringToSignACS(SchemeACS3, vectorRequest()))
	require.Equal(t, "1f78eca8b423dcb52cd53527921d5b0dda8d518a5042ed986844397129274639", got)
}

func TestVectorACS4(t *testing.T) {
	got := signACS4("EXAMPLESECRET", "20261126", "center", "Kms", stringToSignACS(SchemeACS4, vectorRequest()))
	require.Equal(t, "2983205eebd3fe96ca08ba17b4638dd34a36f7a4372051e6bf256feac1602818", got)
}

func TestVectorV1(t *testing.T) {
	p := params{"AccessKeyId": "LTAI5tEXAMPLEID", "Action": "DescribeKey", "Format": "json", "KeyId": "alias/test",
		"SignatureMethod": "HMAC-SHA1", "SignatureNonce": "3cb80254d17fa3720be1dd398d783d29", "SignatureVersion": "1.0",
		"Timestamp": "2026-11-26T05:11:18Z", "Version": "2016-01-20"}
	require.Equal(t, "EPoHgu3uzrtjkz2dv6MvvKWxhX4=", signV1("EXAMPLESECRET", stringToSignV1("POST", p)))
}

func TestParseAuthorization(t *testing.T) {
	a, e := parseAuthorization("ACS4-HMAC-SHA256 Credential=LTAI5tEXAMPLEID/20261126/center/Kms/aliyun_v4_request,SignedHeaders=host;x-acs-action,Signature=ab")
	require.Nil(t, e)
	require.Equal(t, "LTAI5tEXAMPLEID", a.AccessKeyID)
	require.Equal(t, []string{"20261126", "center", "Kms", "aliyun_v4_request"}, a.Scope)
	_, e = parseAuthorization("ACS3-HMAC-SM3 Credential=x,SignedHeaders=host,Signature=ab")
	require.Equal(t, "IncompleteSignature", e.Code)
	_, e = parseAuthorization("Bearer abc")
	require.Equal(t, "IncompleteSignature", e.Code)
}
