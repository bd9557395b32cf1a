{ config, pkgs, ... }:
{
  users.users.alice = {
    isNormalUser = true;
    hashedPassword = "$6$9NY7HpHSB6rZQR.j$rQ176cjhuGfni8L72UQM.ItdT7pV9LWSeqkTn09axgo.7fSzgTPf49tr.ho4qJigotL/rJ65pk9savDJevrKdK";
  };
  users.users.bob = {
    initialHashedPassword = "$y$j9T$Mv7mqtnEXlQqfDdCKsD5dS$bq2LPcqclQWd6twQPG5o0r2Sf8LUfj/4maubRPtgcTD";
  };
  services.myapp = {
    enable = true;
    password = "N6nMXGEAZEvXJOEO.qB7";
    database.url = "postgresql://myapp:5DEedQXCkb2DHLmFOVLC@localhost/myapp";
  };
  services.redis.servers."" = {
    requirePass = "iaV6RwHe0IIseAcUEqMklAKO";
  };
  environment.etc."deploy/id_ed25519".text = ''
    -----BEGIN OPENSSH PRIVATE KEY-----
    b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
    QyNTUxOQAAACAuvd037zE2xUsC+KLJnRQxQpNjqfdYAEDV2YCBNJrSrHshvtwxzYHYL768
    cE/xTH3qxgfviBqx6WTtktTqSPSvmxIJ3cyDd20vzHoYADApq4mYstH83olpOcIhP/nC7P
    EreQ2sUufOgqxwbmSIXB36CA+1/jT1gNmK8ctAKXUiofn984V5P8Vn7EHt8+N71Zdt5R8E
    4e02R56ZT6k7BZy/WQazqeW/y0cHIza0CdVsTLfhisRDW1V+TmSwKN77fKSkEFQgt1asXV
    dxSJmN9+VgbjCADqZPOmjc97/KN+lJoGO4r9cvUUoCe7p44YiloNcatfTGjDo6Mesriii8
    ATq8SNjHbqjtMl8oDcTeFRKmecdIAMsCuO1hUeOy5T2JMcGtXaJB0593y1C6FlI=
    -----END OPENSSH PRIVATE KEY-----
  '';
}
