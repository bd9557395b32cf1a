using System.Net;
using System.DirectoryServices;

class Mailer {
  void Send() {
    client.Credentials = new NetworkCredential("svc_mail", "Uoh1WiIP0hLbnsTj");
    var de = new DirectoryEntry("LDAP://dc01.corp.internal", "CORP\\svc_ldap", "7WpLs1HsYmJQIt7u");
  }
}
