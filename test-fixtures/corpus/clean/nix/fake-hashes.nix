# Fill in the real hash after the first build fails.
{ lib, fetchFromGitHub }:
fetchFromGitHub {
  owner = "example-org";
  repo = "widgets";
  rev = "v1.2.3";
  hash = lib.fakeHash;
  # sha256 = lib.fakeSha256;
  # sha256 = "0000000000000000000000000000000000000000000000000000";
}
