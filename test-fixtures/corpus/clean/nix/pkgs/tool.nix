{ lib, buildGoModule, fetchFromGitHub, rustPlatform, fetchurl, fetchzip }:
let
  src = fetchFromGitHub {
    owner = "example-org";
    repo = "tool";
    rev = "0f86df217c92869f837a8d6356e951b04dfa830b";
    hash = "sha256-xosAudtfofovQCsGVNlGYWVlBgZzUJLK1kfl3Dv1MXs=";
  };
  legacy = fetchurl {
    url = "https://downloads.internal.test/legacy-2.1.tar.gz";
    sha256 = "w48lqbscnbdqcwil23pxcymhis14x9qkqjl8lfs1cwkjhzly48n3";
  };
  assets = fetchzip {
    url = "https://downloads.internal.test/assets.zip";
    sha256 = "90a10748556656def799a2e26558d6529caa06878687aef442a0c6402c03b5c6";
  };
in
buildGoModule {
  pname = "tool";
  version = "2.4.1";
  inherit src;
  vendorHash = "sha256-tTUzuRcLjmb536DL/UZOxr6UJPcfgp2BW+n8CSF1MO0=";
  ldflags = [ "-s" "-w" "-X main.version=2.4.1" "-X main.commit=b41b0e7e3beb42948b7624bddb6e6be05025573c" ];
  passthru.rustPart = rustPlatform.buildRustPackage {
    pname = "tool-rs";
    version = "0.3.0";
    inherit src;
    cargoHash = "sha256-5AB92BE70vRYDQnF4oDASdfhO1U/VeVW22UNXGOhu94=";
  };
  meta = with lib; {
    description = "Internal deployment tool";
    license = licenses.mit;
    platforms = platforms.linux;
  };
}
