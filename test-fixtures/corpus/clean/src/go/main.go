package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const (
	tokenHeader   = "Authorization"
	defaultTTL    = 15 * time.Minute
	buildRevision = "5f1a8aa99688cbad4bd20a7f4a3ccac9d057c03c"
)

type Config struct {
	DatabaseURL string `env:"DATABASE_URL,required"`
	TokenSecret string `env:"TOKEN_SECRET,required"`
	APIKeyFile  string `env:"API_KEY_FILE" envDefault:"/run/secrets/api-key"`
}

func main() {
	cfg := Config{DatabaseURL: os.Getenv("DATABASE_URL"), TokenSecret: os.Getenv("TOKEN_SECRET")}
	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		log.Fatalf("open db: %v", err)
	}
	defer db.Close()
	key := []byte(cfg.TokenSecret)
	http.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
		tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": r.URL.Query().Get("sub"), "exp": time.Now().Add(defaultTTL).Unix()})
		signed, err := tok.SignedString(key)
		if err != nil {
			http.Error(w, "sign", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, signed)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = db.PingContext(ctx)
	dsn := fmt.Sprintf("postgres://%s:%s@%s/%s", os.Getenv("PGUSER"), os.Getenv("PGPASSWORD"), os.Getenv("PGHOST"), "app")
	_ = dsn
	log.Fatal(http.ListenAndServe(":8080", nil))
}
