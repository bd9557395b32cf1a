package dev.leakgate.envelope;

import static dev.leakgate.envelope.SopsSamples.b64;
import static dev.leakgate.envelope.SopsSamples.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class SopsEncValueTest {

    private static String fault(String text) {
        SopsEncValue.Fault f = catchThrowableOfType(SopsEncValue.Fault.class, () -> SopsEncValue.parse(text));
        return f == null ? null : f.reason;
    }

    private static String valueFault(String text) throws SopsEncValue.Fault {
        SopsEncValue v = SopsEncValue.parse(text);
        SopsEncValue.Fault f = catchThrowableOfType(SopsEncValue.Fault.class, v::checkAsValue);
        return f == null ? null : f.reason;
    }

    @Test
    void wellFormedValueParses() throws SopsEncValue.Fault {
        SopsEncValue v = SopsEncValue.parse(enc(7, "str"));
        assertThat(v.type()).isEqualTo("str");
        assertThat(v.dataBytes()).isEqualTo(7);
        assertThatCode(v::checkAsValue).doesNotThrowAnyException();
        // A '|' block scalar keeps a final newline.
        assertThat(SopsEncValue.parse(enc(7, "str") + "\n").dataBytes()).isEqualTo(7);
    }

    @Test
    void structureFaults() {
        String good = enc(7, "str");
        assertThat(fault(good.substring(0, good.length() - 1))).isEqualTo("enc-malformed");
        assertThat(fault(good.replace(",type:str", ""))).isEqualTo("enc-malformed");
        assertThat(fault(good.replace("AES256_GCM", "AES128_GCM"))).isEqualTo("enc-malformed");
        assertThat(fault(good.replace("iv:", "nonce:"))).isEqualTo("enc-malformed");
        assertThat(fault(good + "x")).isEqualTo("enc-malformed");
    }

    @Test
    void fieldFaults() {
        assertThat(fault("ENC[AES256_GCM,data:,iv:" + b64(32) + ",tag:" + b64(16) + ",type:str]")).isEqualTo("enc-empty-data");
        assertThat(fault("ENC[AES256_GCM,data:abc,iv:" + b64(32) + ",tag:" + b64(16) + ",type:str]")).isEqualTo("enc-bad-base64");
        assertThat(fault("ENC[AES256_GCM,data:" + b64(3) + ",iv:" + b64(32) + ",tag:" + b64(16).replace("==", "") + ",type:str]"))
                .isEqualTo("enc-bad-base64");
        assertThat(fault("ENC[AES256_GCM,data:" + b64(3) + ",iv:" + b64(12) + ",tag:" + b64(16) + ",type:str]")).isEqualTo("enc-bad-iv-length");
        assertThat(fault("ENC[AES256_GCM,data:" + b64(3) + ",iv:" + b64(32) + ",tag:" + b64(12) + ",type:str]")).isEqualTo("enc-bad-tag-length");
        assertThat(fault("ENC[AES256_GCM,data:" + b64(3) + ",iv:" + b64(32) + ",tag:" + b64(16) + ",type:]")).isEqualTo("enc-bad-type");
    }

    @Test
    void typesForValuesAndComments() throws SopsEncValue.Fault {
        for (String type : new String[] {"str", "int", "float", "bytes", "time"}) {
            assertThat(valueFault(enc(3, type))).as(type).isNull();
        }
        assertThat(valueFault(enc(4, "bool"))).isNull();
        assertThat(valueFault(enc(5, "bool"))).isNull();
        assertThat(valueFault(enc(6, "bool"))).isEqualTo("enc-malformed");
        assertThat(valueFault(enc(3, "string"))).isEqualTo("enc-bad-type");
        assertThat(valueFault(enc(3, "comment"))).isEqualTo("enc-bad-type");
        assertThatCode(() -> SopsEncValue.parse(enc(3, "comment")).checkAsComment()).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(SopsEncValue.Fault.class, () -> SopsEncValue.parse(enc(3, "str")).checkAsComment()).reason)
                .isEqualTo("enc-bad-type");
    }

    @Test
    void ivAndTagMayHaveLowBitsSetAsGoDecodesThem() throws SopsEncValue.Fault {
        String iv = b64(32);
        String lowBits = iv.substring(0, 42) + (char) (iv.charAt(42) + 1) + "=";
        assertThat(Base64Canonical.decodePadded(lowBits)).isNull();
        assertThat(SopsEncValue.parse("ENC[AES256_GCM,data:" + b64(3) + ",iv:" + lowBits + ",tag:" + b64(16) + ",type:str]").type())
                .isEqualTo("str");
    }
}
